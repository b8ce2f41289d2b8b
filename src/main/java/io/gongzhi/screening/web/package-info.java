/** The screening API: campaigns, rounds, a worker's task list, visits in batches from phones, coverage. */
package io.gongzhi.screening.web;
