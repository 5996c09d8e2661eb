import en from '../locales/en/community';
import fr from '../locales/fr/community';
import { registerArea } from '../instances';

registerArea('community', { en, fr });
