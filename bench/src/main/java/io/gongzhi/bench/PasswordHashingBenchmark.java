package io.gongzhi.bench;

import io.gongzhi.identity.internal.Passwords;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.concurrent.TimeUnit;

/**
 * How many sign-ins one core can check per second at each bcrypt cost. An emergency
 * brings hundreds of thousands of grassroots staff online within an hour; the cost factor
 * in {@link Passwords#BCRYPT_STRENGTH} trades that capacity against the cost of guessing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordHashingBenchmark {

    @Param({"10", "11", "12"})
    int strength;

    BCryptPasswordEncoder encoder;
    String password;
    String hash;

    @Setup
    public void setUp() {
        encoder = new BCryptPasswordEncoder(strength);
        password = Passwords.generate();
        hash = encoder.encode(password);
    }

    @Benchmark
    public boolean verifyPassword() {
        return encoder.matches(password, hash);
    }
}
