/** How campaigns, rounds, forms, tasks, visits and coverage are kept and checked. */
package io.gongzhi.screening.internal;
