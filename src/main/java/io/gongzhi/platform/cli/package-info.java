/** The command line's shared machinery: starting the application for a command, exit codes, progress bars, clear start-up failures. */
@NamedInterface("cli")
package io.gongzhi.platform.cli;

import org.springframework.modulith.NamedInterface;
