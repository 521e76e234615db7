variable "region" {
  description = "AWS region for every resource (the EKS cluster in deploy/eksctl/cluster.yaml uses the same)."
  type        = string
  default     = "us-east-1"
}

variable "project" {
  description = "Name prefix. IAM role and secret names built from it are referenced by deploy/k8s."
  type        = string
  default     = "telegram-academy"
}

variable "cluster_name" {
  description = "EKS cluster name, as in deploy/eksctl/cluster.yaml (subnets are tagged for it)."
  type        = string
  default     = "telegram-academy-prod"
}

variable "environments" {
  description = "Kubernetes namespaces that get their own database, cache, secrets and IAM roles."
  type = map(object({
    db_instance_class = string
    db_read_replica   = bool
    redis_node_type   = string
  }))
  default = {
    production = {
      db_instance_class = "db.r6g.large"
      db_read_replica   = true
      redis_node_type   = "cache.r6g.large"
    }
    staging = {
      db_instance_class = "db.t4g.medium"
      db_read_replica   = false
      redis_node_type   = "cache.t4g.small"
    }
  }
}

variable "vpc_cidr" {
  description = "The VPC range. deploy/k8s NetworkPolicies allow PostgreSQL and Redis in this range."
  type        = string
  default     = "10.0.0.0/16"
}

variable "cluster_oidc_issuer_url" {
  description = "The EKS cluster's OIDC issuer (aws eks describe-cluster ... identity.oidc.issuer). Empty on the first apply, before the cluster exists: the IAM roles for service accounts are created on the second."
  type        = string
  default     = ""
}

variable "db_backup_retention_days" {
  description = "RDS automated backups and point-in-time recovery window (1-35 days)."
  type        = number
  default     = 14
}

variable "backup_bucket_name" {
  description = "S3 bucket for database dumps (database/<env>/) and Velero (velero/). Must be globally unique."
  type        = string
  default     = "telegram-academy-production-backups"
}

variable "backup_expiry_days" {
  description = "Database dumps older than this are deleted by the bucket's lifecycle rule."
  type        = number
  default     = 90
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose Actions deploy (trusted through OIDC)."
  type        = string
  default     = "telegram-academy/telegram-ios-academy"
}
