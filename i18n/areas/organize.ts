import en from '../locales/en/organize';
import fr from '../locales/fr/organize';
import { registerArea } from '../instances';

registerArea('organize', { en, fr });
