package io.gongzhi.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code database …}: setting up a PostgreSQL database, without starting the application. */
@Command(name = "database", mixinStandardHelpOptions = true, description = "Set up a PostgreSQL database for Gongzhi.",
        subcommands = DatabaseCommand.Init.class)
public class DatabaseCommand {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * {@code database init}: a new database and its two roles. The owner owns the schema and runs
     * the migrations; the application's role owns nothing: it may read and write the tables the
     * owner creates (default privileges), but never change their definition, switch off a
     * trigger, or (after the migrations) change or remove audit rows.
     */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a database with two roles: an owner that runs the migrations and the application's role, "
                    + "which owns nothing. Prints the settings to start Gongzhi with (GONGZHI_DB_…); passwords are made up unless given.")
    public static class Init implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--server", paramLabel = "JDBC-URL", defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
                description = "an existing database on the server, to connect to as an administrator (default: ${DEFAULT-VALUE})")
        String server;

        @Option(names = "--admin", defaultValue = "postgres", description = "an administrator role that may create roles and databases (default: ${DEFAULT-VALUE})")
        String admin;

        @Option(names = "--admin-password", defaultValue = "${env:PGPASSWORD}", description = "its password (default: $PGPASSWORD)")
        String adminPassword;

        @Option(names = "--database", defaultValue = "gongzhi", description = "the database to create (default: ${DEFAULT-VALUE})")
        String database;

        @Option(names = "--owner", description = "the owner role to create (default: DATABASE_owner)")
        String owner;

        @Option(names = "--app", description = "the application's role to create (default: DATABASE_app)")
        String app;

        @Option(names = "--owner-password", defaultValue = "${env:GONGZHI_DB_OWNER_PASSWORD}", description = "default: made up")
        String ownerPassword;

        @Option(names = "--app-password", defaultValue = "${env:GONGZHI_DB_PASSWORD}", description = "default: made up")
        String appPassword;

        @Override
        public Integer call() throws SQLException {
            String ownerRole = owner == null ? database + "_owner" : owner;
            String appRole = app == null ? database + "_app" : app;
            for (String name : new String[] {database, ownerRole, appRole}) {
                if (!NAME.matcher(name).matches()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), CliMessages.get("cli.database-name", name));
                }
            }
            if (!server.startsWith("jdbc:postgresql://")) {
                throw new CommandLine.ParameterException(spec.commandLine(), CliMessages.get("cli.database-postgresql", server));
            }
            String ownerSecret = blank(ownerPassword) ? secret() : ownerPassword;
            String appSecret = blank(appPassword) ? secret() : appPassword;
            try (Connection c = DriverManager.getConnection(server, admin, adminPassword)) {
                run(c, "create role %I login password %L", ownerRole, ownerSecret);
                run(c, "create role %I login password %L", appRole, appSecret);
                run(c, "create database %I owner %I encoding 'UTF8'", database, ownerRole);
                run(c, "revoke all on database %I from public", database);
                run(c, "grant connect, temporary on database %I to %I", database, appRole);
            }
            String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
            try (Connection c = DriverManager.getConnection(url, admin, adminPassword)) {
                run(c, "alter schema public owner to %I", ownerRole);
                run(c, "revoke create on schema public from public");
                run(c, "grant usage on schema public to %I", appRole);
                run(c, "alter default privileges for role %I in schema public grant select, insert, update, delete on tables to %I", ownerRole, appRole);
                run(c, "alter default privileges for role %I in schema public grant usage, select, update on sequences to %I", ownerRole, appRole);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("GONGZHI_DB_URL=" + url);
            out.println("GONGZHI_DB_USER=" + appRole);
            out.println("GONGZHI_DB_PASSWORD=" + appSecret);
            out.println("GONGZHI_DB_OWNER=" + ownerRole);
            out.println("GONGZHI_DB_OWNER_PASSWORD=" + ownerSecret);
            spec.commandLine().getErr().println(CliMessages.get("cli.database-created", database, ownerRole, appRole));
            return 0;
        }

        /** Runs DDL whose names and literals are quoted by the server ({@code format}'s %I and %L), never by string pasting. */
        private static void run(Connection c, String template, String... args) throws SQLException {
            String ddl;
            try (PreparedStatement format = c.prepareStatement("select format(?" + ", ?".repeat(args.length) + ")")) {
                format.setString(1, template);
                for (int i = 0; i < args.length; i++) {
                    format.setString(i + 2, args[i]);
                }
                try (var rs = format.executeQuery()) {
                    rs.next();
                    ddl = rs.getString(1);
                }
            }
            try (var statement = c.createStatement()) {
                statement.execute(ddl);
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static String secret() {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
