/** Operations facts about the running platform (build, database, schema, event backlog) and the platform's own beans. */
package io.gongzhi.platform.internal;
