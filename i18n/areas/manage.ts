import en from '../locales/en/manage';
import fr from '../locales/fr/manage';
import { registerArea } from '../instances';

registerArea('manage', { en, fr });
