// The corpus of real-world shapes: small apps in the shape of public CDK examples (our own code),
// each with verdicts judged by hand.
import { ALB_ASG } from './alb-asg';
import { AMAZON_MQ } from './amazon-mq';
import { APIGW_LAMBDA_DDB } from './apigw-lambda-ddb';
import { AURORA } from './aurora';
import { BACKUP } from './backup';
import { RealWorldApp } from './common';
import { CROSS_STACK } from './cross-stack';
import { ECS_FARGATE_ALB } from './ecs-fargate-alb';
import { ELASTICACHE } from './elasticache';
import { FARGATE_EFS } from './fargate-efs';
import { GLOBAL_ACCELERATOR } from './global-accelerator';
import { LIBRARY_SERVICE } from './library-service';
import { NEPTUNE } from './neptune';
import { OPENSEARCH } from './opensearch';
import { PUBLIC_ASG } from './public-asg';
import { RDS_MYSQL } from './rds-mysql';
import { RDS_POSTGRES_LAMBDA } from './rds-postgres-lambda';
import { SNS_SQS_FANOUT } from './sns-sqs-fanout';
import { STATIC_SITE } from './static-site';
import { VPC_ENDPOINTS } from './vpc-endpoints';

export const REALWORLD_APPS: readonly RealWorldApp[] = [
  ALB_ASG,
  AMAZON_MQ,
  APIGW_LAMBDA_DDB,
  AURORA,
  BACKUP,
  CROSS_STACK,
  ECS_FARGATE_ALB,
  ELASTICACHE,
  FARGATE_EFS,
  GLOBAL_ACCELERATOR,
  NEPTUNE,
  OPENSEARCH,
  PUBLIC_ASG,
  LIBRARY_SERVICE,
  RDS_MYSQL,
  RDS_POSTGRES_LAMBDA,
  SNS_SQS_FANOUT,
  STATIC_SITE,
  VPC_ENDPOINTS,
];
