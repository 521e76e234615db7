# IAM roles for service accounts (IRSA). Each role trusts exactly one Kubernetes service account through
# the cluster's OIDC provider (created by eksctl, `withOIDC: true`). Created on the second apply, once
# cluster_oidc_issuer_url is known (docs/deploy.md, step 3).
data "aws_caller_identity" "current" {}

locals {
  irsa_enabled      = var.cluster_oidc_issuer_url != ""
  oidc_host         = replace(var.cluster_oidc_issuer_url, "https://", "")
  oidc_arn          = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.oidc_host}"
  irsa_environments = local.irsa_enabled ? var.environments : {}
}

data "aws_iam_policy_document" "trust" {
  # One trust policy per "namespace:service-account".
  for_each = toset(concat(
    flatten([for name in keys(local.irsa_environments) : ["${name}:academy-secrets", "${name}:academy-ops"]]),
    local.irsa_enabled ? ["velero:velero-server"] : [],
  ))

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["system:serviceaccount:${each.key}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

# The External Secrets operator, in each namespace: read that environment's secrets, nothing else.
resource "aws_iam_role" "external_secrets" {
  for_each           = local.irsa_environments
  name               = "${var.project}-${each.key}-external-secrets"
  assume_role_policy = data.aws_iam_policy_document.trust["${each.key}:academy-secrets"].json
}

resource "aws_iam_role_policy" "external_secrets" {
  for_each = local.irsa_environments
  name     = "read-${each.key}-secrets"
  role     = aws_iam_role.external_secrets[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = "arn:aws:secretsmanager:${var.region}:${data.aws_caller_identity.current.account_id}:secret:${var.project}/${each.key}/*"
    }]
  })
}

# Ops Jobs (academy-ops): write and read this environment's database dumps.
resource "aws_iam_role" "backups" {
  for_each           = local.irsa_environments
  name               = "${var.project}-${each.key}-backups"
  assume_role_policy = data.aws_iam_policy_document.trust["${each.key}:academy-ops"].json
}

resource "aws_iam_role_policy" "backups" {
  for_each = local.irsa_environments
  name     = "backups-${each.key}"
  role     = aws_iam_role.backups[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = ["s3:ListBucket"]
        Resource  = aws_s3_bucket.backups.arn
        Condition = { StringLike = { "s3:prefix" = ["database/${each.key}/*"] } }
      },
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject", "s3:GetObjectAttributes"]
        Resource = "${aws_s3_bucket.backups.arn}/database/${each.key}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
        Resource = aws_kms_key.backups.arn
      },
    ]
  })
}

# Velero's server: its objects under velero/ and EBS snapshots (Velero's documented AWS permissions).
resource "aws_iam_role" "velero" {
  count              = local.irsa_enabled ? 1 : 0
  name               = "${var.project}-velero"
  assume_role_policy = data.aws_iam_policy_document.trust["velero:velero-server"].json
}

resource "aws_iam_role_policy" "velero" {
  count = local.irsa_enabled ? 1 : 0
  name  = "velero"
  role  = aws_iam_role.velero[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ec2:DescribeVolumes", "ec2:DescribeSnapshots", "ec2:CreateTags", "ec2:CreateVolume", "ec2:CreateSnapshot", "ec2:DeleteSnapshot"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:DeleteObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
        Resource = "${aws_s3_bucket.backups.arn}/velero/*"
      },
      {
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = aws_s3_bucket.backups.arn
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
        Resource = aws_kms_key.backups.arn
      },
    ]
  })
}
