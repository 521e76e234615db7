# Redis 7 per environment: a primary and a replica in different zones with automatic failover,
# encrypted at rest and in transit (the app connects with rediss:// and the AUTH token).
resource "aws_elasticache_subnet_group" "main" {
  name       = "${var.project}-redis"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "redis" {
  name        = "${var.project}-redis"
  description = "Redis from inside the VPC (the EKS pods)"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "Redis"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "random_password" "redis" {
  for_each = var.environments
  length   = 48
  special  = false
}

resource "aws_elasticache_replication_group" "main" {
  for_each = var.environments

  replication_group_id = "${var.project}-${each.key}"
  description          = "telegram-ios-academy ${each.key} cache"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = each.value.redis_node_type
  port                 = 6379
  parameter_group_name = "default.redis7"

  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true

  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = [aws_security_group.redis.id]

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = random_password.redis[each.key].result

  snapshot_retention_limit = 7
  snapshot_window          = "02:00-03:00"
  maintenance_window       = "sun:05:30-sun:06:30"

  tags = { Environment = each.key }
}
