import en from '../locales/en/account';
import fr from '../locales/fr/account';
import { registerArea } from '../instances';

registerArea('account', { en, fr });
