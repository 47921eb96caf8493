import { chromium } from '../support/engines/puppeteer.js';
import { journeysIn } from './journeys.js';

journeysIn(chromium);
