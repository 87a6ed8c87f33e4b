import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Public } from '../auth/access.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/caller';
import { IdParam } from '../common/id-param';
import { LinkDto, LinkListDto, LinkResultDto, LinkViewDto, SendLinkDto } from './links.dto';
import { LinksService } from './links.service';
import { Operation } from '../common/openapi';

const LinkRefusals = () =>
  applyDecorators(
    ApiResponse({ status: 404, description: 'No such link (mistyped or altered): `reason` is `unknown`' }),
    ApiResponse({
      status: 410,
      description: 'The link has ended: `reason` is expired, used, revoked, superseded or done; nothing changed',
    }),
  );

/** The pages behind signed links use these, with the token from the link and no account. */
@ApiTags('links')
@Controller('links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  /** What the link is for: whose, which period or offer, until when, and the form to fill. */
  @Operation('viewLink', 'What a signed link is for, and its form (no token needed)')
  @Get(':token')
  @Public()
  @ApiOkResponse({ type: LinkViewDto })
  @LinkRefusals()
  view(@Param('token') token: string): Promise<LinkViewDto> {
    return this.links.view(token);
  }

  /**
   * Sends what the link is for: a debrief (the LinkDebriefDto fields) or an offer's answer (`{ accepted }`). The
   * link is then used.
   */
  @Operation('useLink', 'Do what a signed link is for, once (no token needed)', 409, 422)
  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LinkResultDto })
  @LinkRefusals()
  use(@Param('token') token: string, @Body() body: unknown): Promise<LinkResultDto> {
    return this.links.use(token, body);
  }
}

/** A person's links, for their coordinators. */
@ApiTags('links')
@ApiBearerAuth()
@Controller('organizers/:organizerId/links')
export class OrganizerLinksController {
  constructor(private readonly links: LinksService) {}

  @Operation('listLinks', 'The links sent to an organizer, with their state')
  @Get()
  @Allow('coordinator')
  @ApiOkResponse({ type: LinkListDto })
  list(@IdParam('organizerId', 'organizer') organizerId: string, @CurrentCaller() caller: Caller) {
    return this.links.list(organizerId, caller);
  }

  /** Emails the person a fresh link; it supersedes their open link of the same purpose. */
  @Operation('sendLink', 'Email an organizer a fresh link for a purpose', 409)
  @Post()
  @HttpCode(201)
  @Allow('coordinator')
  @ApiCreatedResponse({ type: LinkDto })
  send(
    @IdParam('organizerId', 'organizer') organizerId: string,
    @Body() body: SendLinkDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.links.send(organizerId, body.purpose, caller);
  }

  @Operation('revokeLink', 'Revoke a link sent to an organizer')
  @Post(':linkId/revoke')
  @HttpCode(200)
  @Allow('coordinator')
  @ApiOkResponse({ type: LinkDto })
  revoke(
    @IdParam('organizerId', 'organizer') organizerId: string,
    @IdParam('linkId', 'link') linkId: string,
    @CurrentCaller() caller: Caller,
  ) {
    return this.links.revoke(organizerId, linkId, caller);
  }
}
