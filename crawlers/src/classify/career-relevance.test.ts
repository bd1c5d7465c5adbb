import { describe, expect, it } from 'vitest';
import { careerRelevance } from './career-relevance.js';
import { classifyEvent } from './classify-event.js';

describe('careerRelevance', () => {
  it('marks a hobby or leisure event as having no professional purpose, with the words that say so', () => {
    const games = classifyEvent({
      title: 'Denver Board Game Night',
      description: 'Bring a game or learn a new one. A relaxed hobby night; all ages welcome.',
      format: 'in-person',
    });
    expect(games.careerRelevant).toBe(false);
    expect(games.relevanceReason).toMatch(/^Hobby, leisure or family event \(.*"board game".*\)/);
    expect(games.allFields).toBe(false);
    const bread = classifyEvent({
      title: 'Chicago Sourdough Circle: Starter Swap',
      description: 'A hobby meetup for home bakers: bring a jar, take home a starter, trade recipes.',
    });
    expect(bread.careerRelevant).toBe(false);
  });

  it('keeps an event whose text, hiring evidence, type or source speaks for a profession', () => {
    for (const input of [
      { title: 'Pastry Chefs Sourdough Masterclass', description: 'Professional bakers learn levain schedules.' },
      { title: 'Teachers Trivia Night & Mixer', description: 'Educators meet colleagues over trivia.' },
      { title: 'Board Game Night', description: 'Recruiters from game studios meet players.' },
      { title: 'Board Game Design Conference', description: 'Two days of sessions for a hobby industry.' },
      {
        title: 'Book Club',
        description: 'Our monthly book club discusses a memoir.',
        sourceFields: ['education-training'],
      },
    ]) {
      expect(classifyEvent(input).careerRelevant, input.title).toBe(true);
    }
  });

  it('says nothing against an event without a pastime in its text', () => {
    expect(careerRelevance({ title: 'Edinburgh Data Ethics Talk', type: 'seminar' })).toEqual({ careerRelevant: true });
    expect(careerRelevance({ title: 'Brooklyn Makers Meetup', type: 'meetup' })).toEqual({ careerRelevant: true });
  });
});
