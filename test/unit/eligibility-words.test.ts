// Why an application is not eligible, as the applicant is told (issue 29): each failing answer and roster fact in
// the catalog's words, in the status email and beside the codes the history keeps.
import { eligibilityChecks, eligibilityProblems } from '../../src/domain/lifecycle';
import { linkMail } from '../../src/mail/messages';
import { eligibilityInWords } from '../../src/words/eligibility';
import { aPolicy, attestations } from '../support/builders';

const policy = aPolicy({ requiredAttestations: ['currentMember', 'driversLicense', 'insuredVehicle', 'fullTerm'] });
const answers = attestations({ driversLicense: false, insuredVehicle: false, weeklyHours: 4 });

describe('why an application is not eligible, in words', () => {
  it('says each failing answer as a person would, and the roster’s part', () => {
    const roster = { hasRoster: true, onRoster: true, status: 'lapsed' };
    expect(eligibilityInWords(eligibilityChecks({ attestations: answers }, policy, roster))).toEqual([
      'You said you do not have a driver’s license.',
      'You said you do not have an insured vehicle.',
      'You can give 4 hours a week; the program asks for 10.',
      'The program’s roster lists your membership as lapsed, not active.',
    ]);
    expect(
      eligibilityInWords(
        eligibilityChecks({ attestations: attestations({ currentMember: false }) }, policy, {
          hasRoster: true,
          onRoster: false,
        }),
      ),
    ).toEqual([
      'You said you are not a member in good standing.',
      'Your member number is not on the program’s member roster.',
    ]);
  });

  it('keeps the codes the history and refusals have always carried', () => {
    expect(eligibilityProblems({ attestations: answers }, policy, { hasRoster: false, onRoster: false })).toEqual([
      'did not attest to driversLicense',
      'did not attest to insuredVehicle',
      'commits 4 hours a week; the program asks 10',
    ]);
  });

  it('tells an ineligible applicant why in their status email', () => {
    const mail = linkMail({
      purpose: 'status',
      confirmation: true,
      program: { id: 'p', name: 'Local 12 Organizers', timezone: 'America/Chicago', policy },
      organizer: {
        name: 'Rosa Díaz',
        stage: 'ineligible',
        ineligibility: eligibilityChecks({ attestations: answers }, policy, { hasRoster: false, onRoster: false }),
      },
      url: 'https://pipeline.example.org/l/token',
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    });
    expect(mail.text).toContain('You said you do not have a driver’s license.');
    expect(mail.text).toContain('You can give 4 hours a week; the program asks for 10.');
  });
});
