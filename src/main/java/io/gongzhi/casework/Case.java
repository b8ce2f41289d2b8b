package io.gongzhi.casework;

import java.time.Instant;
import java.util.List;

/** A case as it stands, with the departments working on it. */
public record Case(long id, String category, int categoryRevision, String description, String path, Double lon, Double lat,
                   String address, Channel channel, Long reporterAccount, String reporterName, CaseState state, Pending pending,
                   int pendingDays, TimeLimit timeLimit, String leadDepartment, Instant deadline, int escalation, int extensions,
                   int returns, int reworks, int reopens, Long parentId, Rating rating, Instant reportedAt, Instant acceptedAt,
                   Instant dispatchedAt, Instant fedBackAt, Instant closedAt, Instant updatedAt, int version, List<Handler> departments) {

    /** A department on the case: LEAD, CO(-handler) or CALLED in by a call-in, with its answer. */
    public record Handler(String department, String role, Instant answerDue, Instant answeredAt, String answeredBy) {
    }

    /** Still being worked on after its deadline. */
    public boolean overdue(Instant now) {
        return deadline != null && (state == CaseState.DISPATCHED || state == CaseState.HANDLING) && now.isAfter(deadline);
    }

    /** The departments summoned by a call-in that have not answered yet. */
    public List<String> awaitingAnswer() {
        return departments.stream().filter(h -> "CALLED".equals(h.role()) && h.answeredAt() == null).map(Handler::department).toList();
    }

    /** This case to change: every field as it is here, each set by its name; {@link Builder#build} gives the changed case. */
    public Builder with() {
        return new Builder(this);
    }

    /** A case built field by field, by name (a new case starts as reported: no pending request, nothing counted yet). */
    public static Builder builder() {
        return new Builder();
    }

    /** The fields of a case, set by name: how a step's change is written, never a positional list. */
    public static final class Builder {

        private long id;
        private String category;
        private int categoryRevision;
        private String description;
        private String path;
        private Double lon;
        private Double lat;
        private String address;
        private Channel channel;
        private Long reporterAccount;
        private String reporterName;
        private CaseState state;
        private Pending pending;
        private int pendingDays;
        private TimeLimit timeLimit;
        private String leadDepartment;
        private Instant deadline;
        private int escalation;
        private int extensions;
        private int returns;
        private int reworks;
        private int reopens;
        private Long parentId;
        private Rating rating;
        private Instant reportedAt;
        private Instant acceptedAt;
        private Instant dispatchedAt;
        private Instant fedBackAt;
        private Instant closedAt;
        private Instant updatedAt;
        private int version;
        private List<Handler> departments;

        private Builder() {
            this.pending = Pending.NONE;
            this.departments = List.of();
        }

        private Builder(Case c) {
            this.id = c.id;
            this.category = c.category;
            this.categoryRevision = c.categoryRevision;
            this.description = c.description;
            this.path = c.path;
            this.lon = c.lon;
            this.lat = c.lat;
            this.address = c.address;
            this.channel = c.channel;
            this.reporterAccount = c.reporterAccount;
            this.reporterName = c.reporterName;
            this.state = c.state;
            this.pending = c.pending;
            this.pendingDays = c.pendingDays;
            this.timeLimit = c.timeLimit;
            this.leadDepartment = c.leadDepartment;
            this.deadline = c.deadline;
            this.escalation = c.escalation;
            this.extensions = c.extensions;
            this.returns = c.returns;
            this.reworks = c.reworks;
            this.reopens = c.reopens;
            this.parentId = c.parentId;
            this.rating = c.rating;
            this.reportedAt = c.reportedAt;
            this.acceptedAt = c.acceptedAt;
            this.dispatchedAt = c.dispatchedAt;
            this.fedBackAt = c.fedBackAt;
            this.closedAt = c.closedAt;
            this.updatedAt = c.updatedAt;
            this.version = c.version;
            this.departments = c.departments;
        }

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder categoryRevision(int categoryRevision) {
            this.categoryRevision = categoryRevision;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder lon(Double lon) {
            this.lon = lon;
            return this;
        }

        public Builder lat(Double lat) {
            this.lat = lat;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder reporterAccount(Long reporterAccount) {
            this.reporterAccount = reporterAccount;
            return this;
        }

        public Builder reporterName(String reporterName) {
            this.reporterName = reporterName;
            return this;
        }

        public Builder state(CaseState state) {
            this.state = state;
            return this;
        }

        public Builder pending(Pending pending) {
            this.pending = pending;
            return this;
        }

        public Builder pendingDays(int pendingDays) {
            this.pendingDays = pendingDays;
            return this;
        }

        public Builder timeLimit(TimeLimit timeLimit) {
            this.timeLimit = timeLimit;
            return this;
        }

        public Builder leadDepartment(String leadDepartment) {
            this.leadDepartment = leadDepartment;
            return this;
        }

        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder escalation(int escalation) {
            this.escalation = escalation;
            return this;
        }

        public Builder extensions(int extensions) {
            this.extensions = extensions;
            return this;
        }

        public Builder returns(int returns) {
            this.returns = returns;
            return this;
        }

        public Builder reworks(int reworks) {
            this.reworks = reworks;
            return this;
        }

        public Builder reopens(int reopens) {
            this.reopens = reopens;
            return this;
        }

        public Builder parentId(Long parentId) {
            this.parentId = parentId;
            return this;
        }

        public Builder rating(Rating rating) {
            this.rating = rating;
            return this;
        }

        public Builder reportedAt(Instant reportedAt) {
            this.reportedAt = reportedAt;
            return this;
        }

        public Builder acceptedAt(Instant acceptedAt) {
            this.acceptedAt = acceptedAt;
            return this;
        }

        public Builder dispatchedAt(Instant dispatchedAt) {
            this.dispatchedAt = dispatchedAt;
            return this;
        }

        public Builder fedBackAt(Instant fedBackAt) {
            this.fedBackAt = fedBackAt;
            return this;
        }

        public Builder closedAt(Instant closedAt) {
            this.closedAt = closedAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder departments(List<Handler> departments) {
            this.departments = departments;
            return this;
        }

        public Case build() {
            return new Case(id, category, categoryRevision, description, path, lon, lat, address, channel, reporterAccount, reporterName, state, pending, pendingDays, timeLimit, leadDepartment, deadline, escalation, extensions, returns, reworks, reopens, parentId, rating, reportedAt, acceptedAt, dispatchedAt, fedBackAt, closedAt, updatedAt, version, departments);
        }
    }
}
