/** How the case loop works inside (the rules of each step, its writes, timeline, escalation, attachments and notices), not for other modules. */
package io.gongzhi.casework.internal;
