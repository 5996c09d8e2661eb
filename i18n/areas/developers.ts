import en from '../locales/en/developers';
import fr from '../locales/fr/developers';
import { registerArea } from '../instances';

registerArea('developers', { en, fr });
