/** Operations facts about the running platform (build, database, schema, event backlog) and the platform's own beans (clock, file store, the turns requests take under load). */
package io.gongzhi.platform.internal;
