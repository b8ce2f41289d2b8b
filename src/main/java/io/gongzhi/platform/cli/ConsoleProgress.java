package io.gongzhi.platform.cli;

import io.gongzhi.shared.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** A progress bar with count, rate and ETA on the terminal, for long commands. */
public class ConsoleProgress implements Progress {

    private final PrintStream out;
    private ProgressBar bar;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(String task, long total) {
        finish();
        bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .continuousUpdate()
                .build();
    }

    @Override
    public void advance(long units) {
        if (bar != null) {
            bar.stepBy(units);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
