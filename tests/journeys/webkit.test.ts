import { webkit } from '../support/engines/webkit.js';
import { journeysIn } from './journeys.js';

journeysIn(webkit);
