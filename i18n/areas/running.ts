import en from '../locales/en/running';
import fr from '../locales/fr/running';
import { registerArea } from '../instances';

registerArea('running', { en, fr });
