import en from '../locales/en/editor';
import fr from '../locales/fr/editor';
import { registerArea } from '../instances';

registerArea('editor', { en, fr });
