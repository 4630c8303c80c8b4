import { avatarColor, initials } from '../model/personaOps';
import type { Persona } from '../model/schema';
import { useImageUrl } from './hooks';

export interface AvatarProps {
  persona: Pick<Persona, 'id' | 'name' | 'avatarImageId'>;
  /** Edge length in px. */
  size?: number;
  /** Alternative text for the photo; leave empty when the name is written next to it. */
  alt?: string;
}

/** The persona's photo, or their initials on a colour of their own. */
export function Avatar({ persona, size = 56, alt = '' }: AvatarProps) {
  const url = useImageUrl(persona.avatarImageId);
  const style = { inlineSize: size, blockSize: size, fontSize: Math.round(size * 0.38) };
  if (url) {
    return <img className="persona-avatar" src={url} alt={alt} width={size} height={size} style={style} />;
  }
  return (
    <span
      className="persona-avatar persona-avatar-initials"
      style={{ ...style, backgroundColor: avatarColor(persona.id) }}
      role={alt ? 'img' : undefined}
      aria-label={alt || undefined}
      aria-hidden={alt ? undefined : true}
      dir="auto"
    >
      {initials(persona.name)}
    </span>
  );
}
