import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { languageAsked, locales, memberLanguages, spokenLanguageChoices } from '../../domain/languages';
import { languageName } from '../../words/languages';
import { pageWords } from '../../words/page-words';
import { Public } from '../auth/access.decorator';
import { Operation } from '../common/openapi';
import { LanguageQueryDto, PageWordsDto } from './public.dto';

/** The words of the members' pages (the form, the links' pages), in the language asked for or the browser's. */
@ApiTags('public')
@Controller('public/words')
export class PageWordsController {
  @Operation('getPageWords', "What a member's page says, in their language (no token needed)")
  @Get()
  @Public()
  @ApiOkResponse({ type: PageWordsDto })
  words(@Query() { lang }: LanguageQueryDto, @Headers('accept-language') acceptLanguage?: string): PageWordsDto {
    const language = languageAsked(lang, acceptLanguage);
    return {
      language,
      locale: locales[language],
      languages: memberLanguages.map((code) => ({ code, name: languageName(code, code) })),
      spoken: spokenLanguageChoices.map((code) => ({ code, name: languageName(code, language) })),
      words: pageWords(language),
    };
  }
}
