/**
 * Benchmarks, run by {@code bench/run} and never by the tests: JMH poll-cycle benchmarks, the memory and offset-size
 * probe, and the at-scale run of the real connector in a Connect worker. Their method and numbers are in
 * {@code BENCHMARKS.md}. Compiled with every build, so that CI proves they still compile.
 */
package io.github.ontapkafka.iscsi.bench;
