import en from '../locales/en/signup';
import fr from '../locales/fr/signup';
import { registerArea } from '../instances';

registerArea('signup', { en, fr });
