// Loaded by path (it runs in the workflow sandbox too, and is bundled with the workflows): failure messages and stack
// traces travel as an encoded payload, so the codec encrypts them like everything else.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
