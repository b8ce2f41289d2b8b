package io.gongzhi.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code version}: what this build is, without starting the application. */
@Command(name = "version", description = "Print the version of this build and of the Java runtime.")
public class VersionCommand implements Callable<Integer>, CommandLine.IVersionProvider {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }

    @Override
    public String[] getVersion() {
        var build = new Properties();
        try (var in = VersionCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException ignored) {
            // an unpackaged build has no build-info; say so below
        }
        return new String[] {
                "Gongzhi " + build.getProperty("build.version", "(development build)")
                        + (build.containsKey("build.time") ? ", built " + build.getProperty("build.time") : ""),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
