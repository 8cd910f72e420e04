/** Checks of the deployment files: {@code docker-compose.yml} against what the build produces, and, where Docker exists, the stack itself. */
package io.github.ontapkafka.iscsi.deploy;
