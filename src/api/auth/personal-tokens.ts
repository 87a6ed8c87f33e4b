// Personal API tokens, for scripts: each user makes, lists and revokes their own (an admin revokes anyone's).
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Injectable, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { PersonalTokenRepository, type TokenView } from '../../repositories/personal-token.repository';
import { AccessDeniedError, ConflictError, InvalidInputError, NotFoundError } from '../common/errors';
import { Instant, Name } from '../common/fields';
import { IdParam } from '../common/id-param';
import { Operation } from '../common/openapi';
import { Optional } from '../common/validators';
import { Allow } from './access.decorator';
import { bootstrapAdmin, CurrentCaller, type Caller } from './caller';
import { EndedDto } from './sign-in.dto';
import { hashToken, newToken } from './tokens';

export class CreateTokenDto {
  @Name({ max: 100, example: 'roster sync' }) name: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it stops working; left out: until revoked' })
  @Optional()
  @Instant()
  expiresAt?: string;
}

export class TokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
}

export class TokenListDto {
  @ApiProperty({ type: [TokenDto] }) items: TokenDto[];
}

export class CreatedTokenDto extends TokenDto {
  @ApiProperty({ description: 'The token, shown this once; only its hash is kept' }) token: string;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const toTokenDto = (t: TokenView): TokenDto => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
});

@Injectable()
export class PersonalTokens {
  constructor(private readonly tokens: PersonalTokenRepository) {}

  async list(caller: Caller): Promise<TokenDto[]> {
    if (caller.id === bootstrapAdmin.id) return [];
    return (await this.tokens.list(caller.id)).map(toTokenDto);
  }

  async create(input: CreateTokenDto, caller: Caller): Promise<CreatedTokenDto> {
    if (caller.id === bootstrapAdmin.id)
      throw new ConflictError('ADMIN_TOKEN is no user: sign in as one to make a token of your own');
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new InvalidInputError([{ field: 'expiresAt', reason: 'is in the past' }]);
    const token = newToken();
    const id = randomUUID();
    await this.tokens.create(
      { id, userId: caller.id, name: input.name.trim(), tokenHash: hashToken(token), expiresAt },
      { actor: caller.id, programId: null, kind: 'token-created', subject: caller.id, after: { id } },
    );
    const [made] = (await this.tokens.list(caller.id)).filter((t) => t.id === id);
    return { ...toTokenDto(made), token };
  }

  async revoke(tokenId: string, caller: Caller): Promise<void> {
    const owner = await this.tokens.ownerOf(tokenId);
    if (!owner) throw new NotFoundError(`no token ${tokenId}`);
    if (owner !== caller.id && caller.role !== 'admin') throw new AccessDeniedError('this is not your token');
    await this.tokens.revoke(tokenId, {
      actor: caller.id,
      programId: null,
      kind: 'token-revoked',
      subject: owner,
      after: { id: tokenId },
    });
  }
}

const everyone = ['national', 'coordinator', 'organizer'] as const;

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/tokens')
export class PersonalTokensController {
  constructor(private readonly tokens: PersonalTokens) {}

  @Operation('listTokens', 'My API tokens')
  @Get()
  @Allow(...everyone)
  @ApiOkResponse({ type: TokenListDto })
  async list(@CurrentCaller() caller: Caller): Promise<TokenListDto> {
    return { items: await this.tokens.list(caller) };
  }

  @Operation('createToken', 'Make an API token for scripts (shown once)', 409)
  @Post()
  @HttpCode(201)
  @Allow(...everyone)
  @ApiCreatedResponse({ type: CreatedTokenDto })
  create(@Body() body: CreateTokenDto, @CurrentCaller() caller: Caller): Promise<CreatedTokenDto> {
    return this.tokens.create(body, caller);
  }

  @Operation('revokeToken', 'Revoke an API token (mine; an admin: anyone’s)', 404)
  @Post(':tokenId/revoke')
  @HttpCode(200)
  @Allow(...everyone)
  @ApiOkResponse({ type: EndedDto })
  async revoke(@IdParam('tokenId', 'token') tokenId: string, @CurrentCaller() caller: Caller): Promise<EndedDto> {
    await this.tokens.revoke(tokenId, caller);
    return { ended: 1 };
  }
}
