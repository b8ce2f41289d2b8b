/** How the case loop works inside (the rules of each step, its queries and writes, timeline, escalation, attachments, notices, the responsibility catalogue, the working calendar and evaluation), not for other modules. */
package io.gongzhi.casework.internal;
