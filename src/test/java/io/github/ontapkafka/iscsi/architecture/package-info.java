/** Tests of the code's shape: the package map (one direction, no cycles) and what the shipped code may depend on. */
package io.github.ontapkafka.iscsi.architecture;
