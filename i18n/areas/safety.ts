import en from '../locales/en/safety';
import fr from '../locales/fr/safety';
import { registerArea } from '../instances';

registerArea('safety', { en, fr });
