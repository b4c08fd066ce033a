import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { publicRoutes } from '@beatlink/functions/routes';
import { ORIGIN_VERIFY_HEADER, PUBLIC_HOST_HEADER } from '@beatlink/functions/lib/middleware/origin-verify';

/** `/open311/*`, `/v1/*`: one behaviour per first path segment of the public route table. */
export function publicPathPatterns(paths: readonly string[] = publicRoutes.map((route) => route.path)): string[] {
  return [...new Set(paths.map((path) => `/${path.split('/')[1]}/*`))].toSorted();
}

/** Everything outside the public API is answered at the edge: the origin's other routes stay unreachable. */
const NOT_FOUND_FUNCTION = `function handler(event) {
  return {
    statusCode: 404,
    statusDescription: 'Not Found',
    headers: { 'content-type': { value: 'application/json; charset=utf-8' }, 'cache-control': { value: 'no-store' } },
    body: { encoding: 'text', data: '{"error":{"code":"NOT_FOUND","message":"接口不存在 / no such route"}}' }
  };
}`;

/** The origin sees its own host (execute-api); the function passes on the one the integrator called. */
const PUBLIC_HOST_FUNCTION = `function handler(event) {
  var request = event.request;
  request.headers['${PUBLIC_HOST_HEADER}'] = { value: request.headers.host ? request.headers.host.value : '' };
  return request;
}`;

export interface PublicApiEdgeStackProps extends StackProps {
  httpApi: apigwv2.IHttpApi;
  /** The value CloudFront sends in x-beatlink-origin-verify (ApiStack). */
  originVerifySecret: secretsmanager.ISecret;
  /** The public API's web ACL (EdgeStack, us-east-1). */
  webAclArn: string;
  /** Where CloudFront writes its standard logs (EdgeStack, us-east-1). */
  logBucket: s3.IBucket;
  /** Optional own host name; needs `certificateArn` (ACM, us-east-1). */
  domainName?: string;
  certificateArn?: string;
}

/**
 * The public API's address: a CloudFront distribution with the WAF web ACL in front of the HTTP
 * API, serving only the public path prefixes. It proves itself to the origin with the
 * origin-verify header; the public function refuses requests without it (origin-verify.ts).
 */
export class PublicApiEdgeStack extends Stack {
  readonly distribution: cloudfront.Distribution;
  /** `https://<domain>`: what integrators call. */
  readonly publicApiUrl: string;

  constructor(scope: Construct, id: string, props: PublicApiEdgeStackProps) {
    super(scope, id, { crossRegionReferences: true, ...props });

    const origin = new origins.HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      customHeaders: {
        // A CloudFormation dynamic reference ({{resolve:secretsmanager:…}}): CloudFormation resolves
        // it at deploy time, so the value is in neither the template nor the cloud assembly.
        [ORIGIN_VERIFY_HEADER]: props.originVerifySecret.secretValue.unsafeUnwrap(),
      },
    });

    const publicHost = new cloudfront.Function(this, 'PublicHostFunction', {
      comment: 'Passes the host the integrator called to the origin (documents name their own URLs)',
      code: cloudfront.FunctionCode.fromInline(PUBLIC_HOST_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const notFound = new cloudfront.Function(this, 'NotFoundFunction', {
      comment: 'Answers 404 for every path outside the public API',
      code: cloudfront.FunctionCode.fromInline(NOT_FOUND_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    const publicBehavior: cloudfront.BehaviorOptions = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      // Every answer is per key and per request: nothing is cached at the edge. Query, body and
      // every header but Host (X-Api-Key, Authorization, Idempotency-Key) reach the API.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      functionAssociations: [{ function: publicHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
    };

    const customDomain =
      props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            // Only with an own certificate: the *.cloudfront.net one has a policy AWS fixes.
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Beatlink public API (${this.stackName}): Open311 and REST v1 with WAF`,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        functionAssociations: [{ function: notFound, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(publicPathPatterns().map((pattern) => [pattern, publicBehavior])),
      webAclId: props.webAclArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // The integrators are in China: price class 200 includes the edge locations of Asia.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'public-api/',
      ...customDomain,
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: integrators (county hotlines, agencies) call from servers whose location varies; access is governed by API keys, per-IP and per-key WAF rate rules and managed rules.',
    });
    if (!props.domainName) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without -c publicApiDomain/publicApiCertificateArn the distribution uses the *.cloudfront.net certificate, whose TLS policy AWS sets; with a custom domain the viewer policy is TLSv1.2_2021 (docs/deploy.md).',
      });
    }

    this.publicApiUrl = `https://${props.domainName ?? this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'PublicApiUrl', { value: this.publicApiUrl, description: 'The public API address integrators call (not the execute-api URL)' });
  }
}
