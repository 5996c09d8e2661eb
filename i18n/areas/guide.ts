import en from '../locales/en/guide';
import fr from '../locales/fr/guide';
import { registerArea } from '../instances';

registerArea('guide', { en, fr });
