/** JMH benchmarks of the platform's hot paths; run with bench/run, results in docs/benchmarks.md. */
package io.gongzhi.bench;
