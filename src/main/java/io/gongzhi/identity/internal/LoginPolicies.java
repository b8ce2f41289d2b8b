package io.gongzhi.identity.internal;

import io.gongzhi.audit.Audit;
import io.gongzhi.audit.Outcome;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * The current login policy: the security administrator's, or the configured defaults
 * ({@code gongzhi.login.*}) until one is saved.
 */
@Service
public class LoginPolicies {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;
    private final LoginPolicy defaults;

    LoginPolicies(JdbcClient jdbc, Audit audit, Clock clock,
                  @Value("${gongzhi.login.max-failures:5}") int maxFailures,
                  @Value("${gongzhi.login.lock-minutes:15}") int lockMinutes,
                  @Value("${gongzhi.login.idle-minutes:30}") int idleMinutes,
                  @Value("${gongzhi.login.absolute-hours:12}") int absoluteHours,
                  @Value("${gongzhi.login.second-factor-for-privileged:false}") boolean secondFactor,
                  @Value("${gongzhi.login.password-max-age-days:0}") int maxAgeDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.defaults = new LoginPolicy(maxFailures, lockMinutes, idleMinutes, absoluteHours, secondFactor, maxAgeDays);
    }

    public LoginPolicy current() {
        return jdbc.sql("select max_failures, lock_minutes, idle_minutes, absolute_hours, second_factor_for_privileged, password_max_age_days from identity_policy where id = 1")
                .query((rs, n) -> new LoginPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5), rs.getInt(6)))
                .optional().orElse(defaults);
    }

    @Transactional
    public LoginPolicy update(LoginPolicy policy) {
        if (!policy.problems().isEmpty()) {
            throw new InvalidInput(policy.problems());
        }
        var now = Timestamp.from(clock.instant());
        String by = Actor.current().username();
        int updated = jdbc.sql("""
                        update identity_policy set max_failures = ?, lock_minutes = ?, idle_minutes = ?, absolute_hours = ?,
                               second_factor_for_privileged = ?, password_max_age_days = ?, updated_at = ?, updated_by = ? where id = 1""")
                .params(policy.maxFailures(), policy.lockMinutes(), policy.idleMinutes(), policy.absoluteHours(),
                        policy.secondFactorForPrivileged(), policy.passwordMaxAgeDays(), now, by).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into identity_policy (id, max_failures, lock_minutes, idle_minutes, absolute_hours,
                                   second_factor_for_privileged, password_max_age_days, updated_at, updated_by) values (1, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(policy.maxFailures(), policy.lockMinutes(), policy.idleMinutes(), policy.absoluteHours(),
                            policy.secondFactorForPrivileged(), policy.passwordMaxAgeDays(), now, by).update();
        }
        audit.record("policy.update", "policy:login", Outcome.SUCCESS, policy.toString());
        return policy;
    }
}
