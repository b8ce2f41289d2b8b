/** Operations facts about the running platform (build, database, schema, event backlog) and the platform's own beans (clock, file store, the turns requests take under load, the guard that refuses at once while the database is away). */
package io.gongzhi.platform.internal;
