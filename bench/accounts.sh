# Shared by the HTTP benchmarks (sourced): sql runs a statement on the bench database $db; account
# makes an account of a role bound to a unit, with the admin's password hash, and prints an API
# token for it with the given permissions, stored as the application stores tokens (SHA-256).
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }
account() { # username role unit permissions
  sql "insert into identity_account (username, display_name, password_hash, created_at, password_changed_at)
       select '$1', '$1', password_hash, now(), now() from identity_account where username = 'admin';
       insert into identity_account_role (account_id, role) select id, '$2' from identity_account where username = '$1';
       insert into identity_account_unit (account_id, unit_code, path)
       select a.id, u.code, u.path from identity_account a, geography_unit u where a.username = '$1' and u.code = '$3' and u.valid_to is null" >/dev/null
  local secret="gzt_bench_$1_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  sql "insert into identity_api_token (account_id, name, token_hash, permissions, created_at, expires_at)
       select id, 'bench', '$(printf %s "$secret" | sha256sum | cut -c1-64)', '$4', now(), now() + interval '1 day'
       from identity_account where username = '$1'" >/dev/null
  echo "$secret"
}
