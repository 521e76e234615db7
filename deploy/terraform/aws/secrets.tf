# What the External Secrets operator reads (deploy/k8s/base/external-secrets.yaml):
#   <project>/<env>/runtime   written here: connection URLs, the RDS CA bundle, generated secrets
#   <project>/<env>/telegram  created empty here; the bot token from @BotFather is put in by hand
#                             (docs/deploy.md, step 4), so it never passes through Terraform state.

# The regional RDS CA bundle: the app verifies the database's certificate against it.
data "http" "rds_ca_bundle" {
  url = "https://truststore.pki.rds.amazonaws.com/${var.region}/${var.region}-bundle.pem"
}

resource "random_password" "session_secret" {
  for_each = var.environments
  length   = 64
  special  = false
}

resource "random_password" "admin_token" {
  for_each = var.environments
  length   = 40
  special  = false
}

resource "random_password" "ops_token" {
  for_each = var.environments
  length   = 40
  special  = false
}

# Telegram allows A-Z, a-z, 0-9, _ and - in a webhook secret token.
resource "random_password" "telegram_webhook_secret" {
  for_each = var.environments
  length   = 48
  special  = false
}

locals {
  database_urls = {
    for name, db in aws_db_instance.main :
    name => "postgres://${db.username}:${random_password.db[name].result}@${db.address}:${db.port}/${db.db_name}"
  }
  database_read_urls = {
    for name, db in aws_db_instance.main :
    name => contains(keys(aws_db_instance.replica), name) ? "postgres://${db.username}:${random_password.db[name].result}@${aws_db_instance.replica[name].address}:${db.port}/${db.db_name}" : local.database_urls[name]
  }
}

resource "aws_secretsmanager_secret" "runtime" {
  for_each                = var.environments
  name                    = "${var.project}/${each.key}/runtime"
  description             = "telegram-ios-academy ${each.key}: connection URLs and generated secrets"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "runtime" {
  for_each  = var.environments
  secret_id = aws_secretsmanager_secret.runtime[each.key].id
  secret_string = jsonencode({
    "database-url"            = local.database_urls[each.key]
    "database-read-url"       = local.database_read_urls[each.key]
    "database-ca-cert"        = data.http.rds_ca_bundle.response_body
    "redis-url"               = "rediss://:${random_password.redis[each.key].result}@${aws_elasticache_replication_group.main[each.key].primary_endpoint_address}:6379"
    "session-secret"          = random_password.session_secret[each.key].result
    "admin-token"             = random_password.admin_token[each.key].result
    "ops-token"               = random_password.ops_token[each.key].result
    "telegram-webhook-secret" = random_password.telegram_webhook_secret[each.key].result
  })
}

resource "aws_secretsmanager_secret" "telegram" {
  for_each                = var.environments
  name                    = "${var.project}/${each.key}/telegram"
  description             = "telegram-ios-academy ${each.key}: bot-token from @BotFather, set by hand"
  recovery_window_in_days = 7
}
