/**
 * The {@code countersign} command line. Parses before Spring starts, so {@code --help} and bad input answer
 * at once; bad input prints one line naming the problem and exits 2, a failed check exits 1.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package io.countersign.cli;
