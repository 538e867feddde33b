/**
 * Public addresses the values page refers to. The official page carries the video about the four values
 * and the project plan; we link to it rather than embedding a third-party player, which would set
 * cookies before the visitor agreed to anything.
 */
export const valuesSourceUrl = 'https://overheid.vlaanderen.be/waarden-vlaamse-overheid';
