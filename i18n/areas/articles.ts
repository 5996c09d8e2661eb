import en from '../locales/en/articles';
import fr from '../locales/fr/articles';
import { registerArea } from '../instances';

registerArea('articles', { en, fr });
