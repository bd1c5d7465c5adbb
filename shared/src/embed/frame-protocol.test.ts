import { describe, expect, it } from 'vitest';
import {
  FRAME_RESIZE_SCRIPT,
  frameResizeMessage,
  isFrameResizeMessage,
  MAX_FRAME_HEIGHT_PX,
} from './frame-protocol.js';

describe('the iframe resize protocol', () => {
  it('accepts its own messages and nothing else', () => {
    expect(isFrameResizeMessage(frameResizeMessage(412.2))).toBe(true);
    expect(frameResizeMessage(412.2).height).toBe(413);
    expect(isFrameResizeMessage({ ...frameResizeMessage(10), namespace: 'other' })).toBe(false);
    expect(isFrameResizeMessage({ ...frameResizeMessage(10), version: 2 })).toBe(false);
    expect(isFrameResizeMessage({ ...frameResizeMessage(10), height: '10' })).toBe(false);
    expect(isFrameResizeMessage({ ...frameResizeMessage(10), height: Number.NaN })).toBe(false);
    expect(isFrameResizeMessage({ ...frameResizeMessage(10), height: MAX_FRAME_HEIGHT_PX + 1 })).toBe(false);
    expect(isFrameResizeMessage('resize')).toBe(false);
    expect(isFrameResizeMessage(null)).toBe(false);
  });

  it('builds the frame script from the same message', () => {
    expect(FRAME_RESIZE_SCRIPT).toContain(JSON.stringify(frameResizeMessage(0)));
    expect(FRAME_RESIZE_SCRIPT).not.toMatch(/<\/script/i);
  });
});
