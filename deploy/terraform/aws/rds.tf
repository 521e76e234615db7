# PostgreSQL 15 per environment: Multi-AZ (a standby in another zone), automated backups with
# point-in-time recovery, encrypted storage, TLS required (rds.force_ssl). The app verifies the server
# certificate against the RDS CA bundle (DATABASE_CA_CERT, secrets.tf) and never turns verification off.
resource "aws_db_subnet_group" "main" {
  name       = "${var.project}-db"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "db" {
  name        = "${var.project}-db"
  description = "PostgreSQL from inside the VPC (the EKS pods)"
  vpc_id      = aws_vpc.main.id

  ingress {
    description = "PostgreSQL"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_db_parameter_group" "postgres15" {
  name   = "${var.project}-postgres15"
  family = "postgres15"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "1000"
  }
}

resource "random_password" "db" {
  for_each = var.environments
  length   = 40
  special  = false
}

resource "aws_db_instance" "main" {
  for_each = var.environments

  identifier     = "${var.project}-${each.key}"
  engine         = "postgres"
  engine_version = "15"
  instance_class = each.value.db_instance_class

  db_name  = "academy"
  username = "academy"
  password = random_password.db[each.key].result

  allocated_storage     = 100
  max_allocated_storage = 1000
  storage_type          = "gp3"
  storage_encrypted     = true

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.db.id]
  parameter_group_name   = aws_db_parameter_group.postgres15.name
  ca_cert_identifier     = "rds-ca-rsa2048-g1"
  publicly_accessible    = false

  # Automated backups: a retention above 0 turns on point-in-time recovery to any second in the window.
  backup_retention_period  = var.db_backup_retention_days
  backup_window            = "03:00-04:00"
  maintenance_window       = "sun:04:30-sun:05:30"
  copy_tags_to_snapshot    = true
  delete_automated_backups = false

  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  monitoring_interval          = 0

  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.project}-${each.key}-final"

  tags = { Environment = each.key }
}

# DATABASE_READ_URL points here where an environment has a replica, and at the primary otherwise.
resource "aws_db_instance" "replica" {
  for_each = { for name, env in var.environments : name => env if env.db_read_replica }

  identifier          = "${var.project}-${each.key}-replica"
  replicate_source_db = aws_db_instance.main[each.key].identifier
  instance_class      = each.value.db_instance_class
  storage_encrypted   = true

  vpc_security_group_ids = [aws_security_group.db.id]
  parameter_group_name   = aws_db_parameter_group.postgres15.name
  ca_cert_identifier     = "rds-ca-rsa2048-g1"
  publicly_accessible    = false

  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  skip_final_snapshot          = true

  tags = { Environment = each.key }
}
