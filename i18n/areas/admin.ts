import en from '../locales/en/admin';
import fr from '../locales/fr/admin';
import { registerArea } from '../instances';

registerArea('admin', { en, fr });
