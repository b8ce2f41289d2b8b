package io.gongzhi.platform.cli;

/** The application would connect to PostgreSQL as a superuser or as the owner of its tables. */
public class UnsafeDatabaseRole extends RuntimeException {

    private final String role;
    private final boolean superuser;

    public UnsafeDatabaseRole(String role, boolean superuser) {
        super("the application's database role " + role + (superuser ? " is a superuser" : " owns the tables"));
        this.role = role;
        this.superuser = superuser;
    }

    public String role() {
        return role;
    }

    public boolean superuser() {
        return superuser;
    }
}
