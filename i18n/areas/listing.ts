import en from '../locales/en/listing';
import fr from '../locales/fr/listing';
import { registerArea } from '../instances';

registerArea('listing', { en, fr });
