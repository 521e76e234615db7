output "vpc_id" {
  value = aws_vpc.main.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

# `eval "$(terraform output -raw eksctl_env)"` sets what deploy/eksctl/cluster.yaml substitutes.
output "eksctl_env" {
  value = join("\n", concat(
    ["export AWS_ACCOUNT_ID=${data.aws_caller_identity.current.account_id}"],
    ["export VPC_ID=${aws_vpc.main.id}"],
    [for i, id in aws_subnet.private[*].id : "export PRIVATE_SUBNET_${i + 1}=${id}"],
    [for i, id in aws_subnet.public[*].id : "export PUBLIC_SUBNET_${i + 1}=${id}"],
  ))
}

output "database_endpoints" {
  value = { for name, db in aws_db_instance.main : name => db.address }
}

output "redis_endpoints" {
  value = { for name, rg in aws_elasticache_replication_group.main : name => rg.primary_endpoint_address }
}

output "backup_bucket" {
  value = aws_s3_bucket.backups.bucket
}

output "runtime_secret_names" {
  value = { for name, secret in aws_secretsmanager_secret.runtime : name => secret.name }
}

output "irsa_role_arns" {
  value = merge(
    { for name, role in aws_iam_role.external_secrets : "${name}/academy-secrets" => role.arn },
    { for name, role in aws_iam_role.backups : "${name}/academy-ops" => role.arn },
    { for role in aws_iam_role.velero : "velero/velero-server" => role.arn },
  )
}

# The GitHub environment secret AWS_DEPLOY_ROLE_ARN (staging and production).
output "github_deploy_role_arn" {
  value = aws_iam_role.github_deploy.arn
}
