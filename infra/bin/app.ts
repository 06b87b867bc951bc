import { App } from 'aws-cdk-lib';
import { addFrontDesk } from '../lib/front-desk-app';

addFrontDesk(new App());
